package dev.discard.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    private static final long GUILD = 100;
    private static final long ME = 7;
    private static final long ROLE_A = 201;
    private static final long ROLE_B = 202;
    private static final long VIEW = Permissions.VIEW_CHANNEL;
    private static final long HISTORY = Permissions.READ_MESSAGE_HISTORY;
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    private JsonNode roles(long everyone, long a, long b) throws Exception {
        return json("[{'id':'100','permissions':'" + everyone + "'},{'id':'201','permissions':'" + a
                + "'},{'id':'202','permissions':'" + b + "'}]");
    }

    @Test
    void baseIsEveryoneOrMemberRoles() throws Exception {
        assertEquals(VIEW | HISTORY, Permissions.base(GUILD, roles(VIEW, HISTORY, 1L << 40), List.of(ROLE_A), false));
    }

    @Test
    void administratorAndOwnerGetEverything() throws Exception {
        assertEquals(Permissions.ALL, Permissions.base(GUILD, roles(0, Permissions.ADMINISTRATOR, 0), List.of(ROLE_A),
                false));
        assertEquals(Permissions.ALL, Permissions.base(GUILD, roles(0, 0, 0), List.of(), true));
        JsonNode denyAll = json("[{'id':'100','type':0,'allow':'0','deny':'" + (VIEW | HISTORY) + "'}]");
        assertEquals(Permissions.ALL, Permissions.inChannel(Permissions.ALL, GUILD, ME, List.of(), denyAll));
    }

    @Test
    void overwritesApplyEveryoneThenRolesThenMember() throws Exception {
        long base = VIEW | HISTORY;
        JsonNode everyoneDeny = json("[{'id':'100','type':0,'allow':'0','deny':'" + VIEW + "'}]");
        assertFalse(Permissions.has(Permissions.inChannel(base, GUILD, ME, List.of(ROLE_A), everyoneDeny), VIEW));
        // A role allow beats the @everyone deny; the member deny beats the role allow; the member allow wins last.
        JsonNode roleAllow = json("[{'id':'100','type':0,'allow':'0','deny':'" + VIEW + "'},"
                + "{'id':'201','type':0,'allow':'" + VIEW + "','deny':'0'}]");
        assertTrue(Permissions.has(Permissions.inChannel(base, GUILD, ME, List.of(ROLE_A), roleAllow), VIEW));
        JsonNode memberDeny = json("[{'id':'201','type':0,'allow':'" + VIEW + "','deny':'0'},"
                + "{'id':'7','type':1,'allow':'0','deny':'" + VIEW + "'}]");
        assertFalse(Permissions.has(Permissions.inChannel(base, GUILD, ME, List.of(ROLE_A), memberDeny), VIEW));
        JsonNode memberAllow = json("[{'id':'100','type':0,'allow':'0','deny':'" + VIEW + "'},"
                + "{'id':'7','type':1,'allow':'" + VIEW + "','deny':'0'}]");
        assertTrue(Permissions.has(Permissions.inChannel(base, GUILD, ME, List.of(), memberAllow), VIEW));
    }

    @Test
    void roleOverwritesCombineAllowOverDeny() throws Exception {
        // Role A denies history, role B allows it: all role denies apply first, then all role allows.
        JsonNode overwrites = json("[{'id':'201','type':0,'allow':'0','deny':'" + HISTORY + "'},"
                + "{'id':'202','type':0,'allow':'" + HISTORY + "','deny':'0'}]");
        assertTrue(Permissions.has(Permissions.inChannel(VIEW | HISTORY, GUILD, ME, List.of(ROLE_A, ROLE_B),
                overwrites), HISTORY));
        assertFalse(Permissions.has(Permissions.inChannel(VIEW | HISTORY, GUILD, ME, List.of(ROLE_A), overwrites),
                HISTORY));
    }

    @Test
    void aRoleOverwriteWithTheMembersIdIsNotAMemberOverwrite() throws Exception {
        JsonNode overwrites = json("[{'id':'7','type':0,'allow':'0','deny':'" + VIEW + "'}]");
        assertTrue(Permissions.has(Permissions.inChannel(VIEW, GUILD, ME, List.of(), overwrites), VIEW));
    }

    @Test
    void permissionsAcceptStringsAndOldNumbers() throws Exception {
        assertEquals(1L << 40, Permissions.bits(json("'1099511627776'")));
        assertEquals(1024, Permissions.bits(json("1024")));
        assertEquals(0, Permissions.bits(null));
    }
}
