package io.hallpass.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.testing.AllPages;
import io.hallpass.sample.testing.Samples;
import io.hallpass.sample.web.Html;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes every page, rendered with sample data, to {@code target/page-previews/} with the stylesheet beside
 * it, so that the pages can be looked at in a browser (or screenshot with headless Chromium) without a
 * running server or database.
 */
class PagePreviewsTest {

    @Test
    void writePreviews() throws IOException {
        Path out = Path.of("target", "page-previews");
        Files.createDirectories(out.resolve("static"));
        for (String file : new String[] {"portal.css", "favicon.svg"}) {
            Files.copy(Path.of("src", "main", "webapp", "static", file), out.resolve("static").resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Html> pages = AllPages.render("alice", Samples.FIREFOX, "203.0.113.7");
        StringBuilder index = new StringBuilder("<!DOCTYPE html><meta charset=utf-8><title>Page previews</title><ul>");
        for (Map.Entry<String, Html> page : pages.entrySet()) {
            // the pages link /static/...; the previews are opened from files, so the links become relative
            String html = page.getValue().toString().replace("=\"/static/", "=\"static/");
            Files.writeString(out.resolve(page.getKey() + ".html"), html, StandardCharsets.UTF_8);
            index.append("<li><a href=\"").append(page.getKey()).append(".html\">").append(page.getKey())
                    .append("</a>");
        }
        // Not a portal page: plain markup of the kind the filter's built-in pages (re-authentication, lockout)
        // use, linking the portal's stylesheet through page-stylesheet. It shows that the stylesheet's rules for
        // bare elements give such a page the portal's look. The filter's real markup may differ.
        Files.writeString(out.resolve("filter-page-approximation.html"), """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Confirm your password</title>
                <link rel="stylesheet" href="static/portal.css"></head>
                <body><main><h1>Confirm it’s you</h1>
                <p>Please enter your password again to continue to <code>/account/export</code>.</p>
                <form method="post" action="/auth/reauth"><label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password">
                <input type="hidden" name="return" value="/account/export">
                <button type="submit">Continue</button></form></main></body></html>
                """, StandardCharsets.UTF_8);
        index.append("<li><a href=\"filter-page-approximation.html\">filter-page-approximation</a>");
        Files.writeString(out.resolve("index.html"), index.append("</ul>").toString(), StandardCharsets.UTF_8);
        assertTrue(Files.size(out.resolve("login.html")) > 1000);
    }
}
