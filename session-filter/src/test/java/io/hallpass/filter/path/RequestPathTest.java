package io.hallpass.filter.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

    @ParameterizedTest(name = "[{index}] servletPath={0} pathInfo={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // default servlet "/": the whole path is the servlet path
            "/index.html, null, /index.html",
            "/, null, /",
            // prefix mapping /lawn/*
            "/lawn, /index.html, /lawn/index.html",
            "/lawn, null, /lawn",
            "/lawn, /, /lawn/",
            // "/*" mapping: empty servlet path
            "'', /reports/1, /reports/1",
            "'', /, /",
            // "" mapping, the context root
            "'', null, /",
            "null, null, /",
            "null, /x, /x",
            // extension mapping
            "/help/feedback.jsp, null, /help/feedback.jsp"})
    void ofWhenContainerSplitsThePathThenJoinsItBack(String servletPath, String pathInfo, String expected) {
        assertEquals(expected, RequestPath.of(servletPath, pathInfo));
    }
}
