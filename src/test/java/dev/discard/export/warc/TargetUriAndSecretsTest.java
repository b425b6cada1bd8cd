package dev.discard.export.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetUriAndSecretsTest {
    @Test
    void theQueryIsRebuiltFromParamsInRecordedOrderPercentEncoded() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", "100");
        params.put("after", "0");
        params.put("query", "a b&c=ž");
        assertEquals("https://discord.com/api/v10/users/@me/guilds?limit=100&after=0&query=a%20b%26c%3D%C5%BE",
                TargetUri.of("https://discord.com/api/v10/users/@me/guilds", params).toString());
        assertEquals("https://x.test/a%20b/%C5%BE", TargetUri.of("https://x.test/a b/ž", Map.of()).toString());
        assertEquals("https://x.test/?v=10&encoding=json",
                TargetUri.of("https://x.test/?v=10", Map.of("encoding", "json")).toString());
    }

    @Test
    void knownTokensAndEveryTokenMemberOfASentFrameAreScrubbed() {
        Secrets secrets = Secrets.of(null, "", "MTIz.secret").and("[SCRUBBED]").and("other-token");
        assertEquals("Bot [SCRUBBED] and [SCRUBBED]", secrets.scrub("Bot MTIz.secret and other-token"));
        assertEquals("{\"op\":2,\"d\":{\"token\":\"[SCRUBBED]\",\"x\":1}}",
                Secrets.of().scrubSentFrame("{\"op\":2,\"d\":{\"token\":\"unknown\\\"-token\",\"x\":1}}"));
        assertEquals("{\"op\":6,\"d\":{\"token\" : \"[SCRUBBED]\"}}",
                Secrets.of().scrubSentFrame("{\"op\":6,\"d\":{\"token\" : \"abc\"}}"));
        byte[] body = "{\"a\":\"MTIz.secret\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(secrets.finds(body, 0, body.length));
        assertFalse(secrets.finds(body, 0, 8));
        assertTrue(Secrets.isCredentialHeader("Set-Cookie"));
        assertTrue(Secrets.isCredentialHeader("authorization"));
        assertFalse(Secrets.isCredentialHeader("x-ratelimit-remaining"));
    }
}
