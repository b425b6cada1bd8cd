package dev.discard.export;

import dev.discard.index.IndexIds;

/** Mentions resolved against the index, for a page two folders below the export's root. */
final class PageNames implements Names {
    static final String ROOT = "../../";

    private final SitePlan plan;
    private final UserCache users;

    PageNames(SitePlan plan, UserCache users) {
        this.plan = plan;
        this.users = users;
    }

    @Override
    public String user(String id) {
        UserCache.User user = users.get(IndexIds.of(id));
        return user == null ? null : user.name();
    }

    @Override
    public String role(String id) {
        return plan.role(IndexIds.of(id));
    }

    @Override
    public String roleClass(String id) {
        return plan.roleClass(IndexIds.of(id));
    }

    @Override
    public String channel(String id) {
        ExportChannel c = plan.channel(IndexIds.of(id));
        return c == null ? null : c.label();
    }

    @Override
    public String channelHref(String id) {
        ExportChannel c = plan.channel(IndexIds.of(id));
        return c == null || c.messages() == 0 ? null : ROOT + c.page(1);
    }
}
