package io.hallpass.sample.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NegotiationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "application/json",
            "application/json, text/plain, */*",
            "application/problem+json",
            "text/html;q=0.5, application/json",
            "APPLICATION/JSON"})
    void prefersJsonWhenJsonRanksAboveHtml(String accept) {
        assertTrue(Negotiation.prefersJson(accept));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "*/*",
            "text/html, application/json",
            "application/json;q=0",
            "application/json;q=banana",
            "text/plain"})
    void prefersHtmlOtherwise(String accept) {
        assertFalse(Negotiation.prefersJson(accept));
    }
}
