package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKindTest {

    @ParameterizedTest(name = "{0} -> browser={1}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
            "text/html | true",
            "application/json | false",
            "*/* | false",
            "application/json, text/html;q=0.5 | false",
            "text/html;q=0.9, application/json;q=0.9 | true",
            "text/html;q=0 | false",
            "application/problem+json | false",
            "'' | false"})
    void aBrowserIsARequestThatPrefersHtml(String accept, boolean browser) {
        assertEquals(browser, ClientKind.prefersHtml(accept));
    }
}
