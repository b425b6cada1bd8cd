package dev.discard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.media.MediaRef.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link MessageMedia} finds in a message, with Discord's own field names. */
class MediaMessageMediaTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void imagesAreOriginalsOnceEachAttachmentsFirst() throws Exception {
        JsonNode message = json("{'id':'5','content':'see https://x.test/a.png, https://x.test/page and "
                + "(https://x.test/b.JPG) <https://x.test/c.gif>','attachments':["
                + "{'id':'1','filename':'shot.png','url':'https://cdn.test/attachments/1/1/shot.png?ex=1&is=2&hm=3',"
                + "'proxy_url':'https://media.test/attachments/1/1/shot.png?ex=1&is=2&hm=3','content_type':'image/png'},"
                + "{'id':'2','filename':'doc.pdf','url':'https://cdn.test/doc.pdf','content_type':'application/pdf'},"
                + "{'id':'3','filename':'old.jpeg','url':'https://cdn.test/old.jpeg'}],"
                + "'embeds':[{'type':'image','thumbnail':{'url':'https://x.test/a.png',"
                + "'proxy_url':'https://media.test/external/a.png?width=100'}},"
                + "{'type':'rich','image':{'url':'https://x.test/big.png','proxy_url':'https://media.test/big.png'},"
                + "'video':{'url':'https://x.test/v.mp4','proxy_url':'https://media.test/v.mp4'}}]}");
        List<MediaRef> images = MessageMedia.images(message);
        assertEquals(List.of("https://cdn.test/attachments/1/1/shot.png?ex=1&is=2&hm=3", "https://cdn.test/old.jpeg",
                "https://x.test/a.png", "https://x.test/big.png", "https://x.test/b.JPG", "https://x.test/c.gif"),
                images.stream().map(MediaRef::url).toList());
        assertEquals(List.of(Kind.ATTACHMENT, Kind.ATTACHMENT, Kind.EMBED_THUMBNAIL, Kind.EMBED_IMAGE, Kind.LINK,
                Kind.LINK), images.stream().map(MediaRef::kind).toList());
        assertEquals("https://media.test/attachments/1/1/shot.png?ex=1&is=2&hm=3", images.get(0).fallbackUrl());
        assertEquals(5, images.get(0).messageId());
    }

    @Test
    void anArchiveKeepsEveryAttachmentProxiedVideosAvatarsAndStickers() throws Exception {
        JsonNode message = json("{'id':'5','author':{'id':'7','avatar':'a_cafe'},"
                + "'attachments':[{'id':'2','filename':'doc.pdf','url':'https://cdn.test/doc.pdf'}],"
                + "'embeds':[{'type':'gifv','thumbnail':{'url':'https://t.test/cat.png'},"
                + "'video':{'url':'https://t.test/cat.mp4','proxy_url':'https://media.test/cat.mp4'}},"
                + "{'type':'video','video':{'url':'https://www.youtube.com/embed/xyz'}}],"
                + "'sticker_items':[{'id':'9','name':'wave','format_type':1}]}");
        List<MediaRef> all = MessageMedia.all(message, new CdnUrls(CdnUrls.DISCORD));
        assertEquals(List.of("https://cdn.test/doc.pdf", "https://t.test/cat.png", "https://t.test/cat.mp4",
                "https://cdn.discordapp.com/avatars/7/a_cafe.gif?size=4096",
                "https://cdn.discordapp.com/stickers/9.png"), all.stream().map(MediaRef::url).toList());
    }

    @Test
    void linksLoseTheSentencePunctuationAfterThem() {
        assertEquals(List.of("https://x.test/a.png", "https://x.test/(b).png"),
                MessageMedia.links("look: https://x.test/a.png! and https://x.test/(b).png."));
    }
}
