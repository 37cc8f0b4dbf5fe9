package io.hallpass.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapeReplacesEveryCharacterThatCanEndTextOrAnAttribute() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", Html.escape("<script>alert('x')</script>"));
        assertEquals("&quot; onmouseover=&quot;x", Html.escape("\" onmouseover=\"x"));
        assertEquals("Tom &amp; Jerry", Html.escape("Tom & Jerry"));
    }

    @Test
    void escapeLeavesPlainTextAsItIs() {
        String plain = "alice 127.0.0.1 Firefox/132.0 — Zoë";
        assertEquals(plain, Html.escape(plain));
    }

    @Test
    void escapeReplacesControlCharactersButKeepsLineBreaks() {
        assertEquals("a\uFFFDb\nc\td", Html.escape("a\u0000b\nc\td"));
    }

    @Test
    void escapeOfNullIsEmpty() {
        assertEquals("", Html.escape(null));
        assertEquals("", Html.text(null).toString());
    }

    @Test
    void formatEscapesStringsButNotHtml() {
        Html bold = Html.format("<b>{}</b>", "<i>");
        assertEquals("<p><b>&lt;i&gt;</b> &amp; 3</p>", Html.format("<p>{} {} {}</p>", bold, "&", 3).toString());
    }

    @Test
    void formatRefusesAMismatchBetweenPlaceholdersAndArguments() {
        assertThrows(IllegalArgumentException.class, () -> Html.format("<p>{}</p>"));
        assertThrows(IllegalArgumentException.class, () -> Html.format("<p>{}</p>", "a", "b"));
    }

    @Test
    void eachAndJoiningKeepOrder() {
        assertEquals("<li>1</li><li>&lt;2&gt;</li>",
                Html.each(List.of("1", "<2>"), s -> Html.format("<li>{}</li>", s)).toString());
        assertEquals("ab", List.of(Html.trusted("a"), Html.text("b")).stream().collect(Html.joining()).toString());
    }

    @Test
    void whenIsEmptyIfFalse() {
        assertEquals("", Html.when(false, Html.trusted("<b>")).toString());
        assertEquals("<b>", Html.when(true, Html.trusted("<b>")).toString());
    }
}
