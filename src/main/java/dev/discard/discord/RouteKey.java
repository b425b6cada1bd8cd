package dev.discard.discord;

/**
 * What Discord rate-limits a request by: its route (method and path with the ids that vary replaced) and its major
 * parameter (the channel, guild or webhook id, which always keeps its own limit). For
 * {@code GET /channels/42/messages/7/reactions/%F0%9F%91%8D} the route is
 * {@code GET /channels/{major}/messages/{id}/reactions/{emoji}} and the major parameter {@code channels/42}.
 * See https://discord.com/developers/docs/topics/rate-limits.
 *
 * @param route the method and the path template
 * @param major the major parameter ({@code channels/42}), or empty for routes without one
 */
public record RouteKey(String route, String major) {
    public static RouteKey of(String method, String path) {
        String[] segments = path.split("/");
        StringBuilder template = new StringBuilder(method).append(' ');
        String major = "";
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            String previous = segments[i - 1];
            template.append('/');
            if (major.isEmpty() && isId(segment)
                    && (previous.equals("channels") || previous.equals("guilds") || previous.equals("webhooks"))) {
                major = previous + "/" + segment;
                template.append("{major}");
            } else if (previous.equals("reactions")) {
                template.append("{emoji}");
            } else if (isId(segment)) {
                template.append("{id}");
            } else {
                template.append(segment);
            }
        }
        return new RouteKey(template.toString(), major);
    }

    private static boolean isId(String segment) {
        if (segment.isEmpty()) return false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
