package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The query string's names are read as the container reads them, so no spelling of a credential slips through. */
class FormInputTest {

    private static void refuse(String query) throws FormInput.Refused {
        FormInput.refuseCredentialsInUrl(RequestStub.post().target("/auth/login", null, null).query(query).build());
    }

    @Test
    void namesAreDecodedAsTheContainerDecodesThem() {
        assertEquals("password", FormInput.decode("pass%77ord"));
        assertEquals("password", FormInput.decode("%70%61%73%73%77%6F%72%64"));
        assertEquals("password", FormInput.decode("%70%61%73%73%77%6f%72%64"));
        assertEquals("pass word", FormInput.decode("pass+word"));
        assertEquals("pass word", FormInput.decode("pass%20word"));
        assertEquals("pass+word", FormInput.decode("pass%2Bword"));
        assertEquals("café", FormInput.decode("caf%C3%A9"));
        assertEquals("", FormInput.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass%7word", "password%", "password%4", "%ZZ", "%C1%B7", "%C3", "%FF", "caf\u00e9"})
    void aNameThatCannotBeDecodedIsNotDecoded(String name) {
        assertNull(FormInput.decode(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=x", "pass%77ord=x", "%70assword=x", "PASSWORD=x", "Pass%57ord=x", "password",
            "password+=x", "+password=x", "password%20=x", "%09password%0A=x", "a=1&password=x", "password=x&password=y",
            "&&user%6Eame=x&", "USERNAME=x", "current=x", "%6Eew=x", "pass%7word=x", "%C1%B7=x"})
    void aCredentialOrAnUnreadableNameInTheQueryIsRefused(String query) {
        FormInput.Refused refused = assertThrows(FormInput.Refused.class, () -> refuse(query));
        assertEquals(400, refused.status());
        assertEquals(-1, refused.getMessage().indexOf('x'), "the message names no value: " + refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"return=%2Faccount", "error=1", "pass=1", "passwords=1", "password%3D=1", "pass%2Bword=1",
            "return=password", "x=password%3Dsecret"})
    void otherNamesPass(String query) {
        assertDoesNotThrow(() -> refuse(query));
    }

    @Test
    void noQueryPasses() {
        assertDoesNotThrow(() -> refuse(null));
    }

    // ------------------------------------------------------------------------------ bodies (found by MalformedInputIT)

    /** A POST whose body the container reads with {@code parameters} and {@code body} (each may throw). */
    private static jakarta.servlet.http.HttpServletRequest post(String contentType, long length,
            java.util.concurrent.Callable<Object> parameters, java.util.concurrent.Callable<Object> body) {
        return (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(
                FormInputTest.class.getClassLoader(), new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> length;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getParameterMap" -> parameters.call();
                    case "getInputStream" -> body.call();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aFormBodyTheContainerCannotParseIsRefusedWith400NotA500() {
        // Tomcat 11 throws InvalidParameterException, Jetty 12 HttpException.IllegalStateException, both quoting input
        FormInput.Refused refused = assertThrows(FormInput.Refused.class, () -> FormInput.read(post(
                "application/x-www-form-urlencoded", 20, () -> {
                    throw new IllegalStateException("Character decoding failed. Parameter [password] value [s3cret%]");
                }, null)));
        assertEquals(400, refused.status());
        assertEquals(-1, refused.getMessage().indexOf("s3cret"), refused.getMessage());
    }

    @Test
    void aCharsetTheContainerDoesNotKnowIsRefusedWith415NotA500() {
        // Jetty 12 parses the charset in getContentType() and throws UnsupportedCharsetException
        jakarta.servlet.http.HttpServletRequest request = (jakarta.servlet.http.HttpServletRequest)
                java.lang.reflect.Proxy.newProxyInstance(FormInputTest.class.getClassLoader(),
                        new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class}, (proxy, m, args) -> {
                            throw new java.nio.charset.UnsupportedCharsetException("x-bogus-9");
                        });
        FormInput.Refused refused = assertThrows(FormInput.Refused.class, () -> FormInput.read(request));
        assertEquals(415, refused.status());
    }

    @Test
    void aFormBodyLargerThanASignInFormIsRefusedWith413BeforeTheContainerParsesIt() {
        FormInput.Refused refused = assertThrows(FormInput.Refused.class, () -> FormInput.read(post(
                "application/x-www-form-urlencoded", 3L * 1024 * 1024, () -> {
                    throw new AssertionError("parsed a 3 MB form");
                }, null)));
        assertEquals(413, refused.status());
    }

    @Test
    void aJsonBodyCutShortIsRefusedWith400NotA500() {
        jakarta.servlet.ServletInputStream broken = new jakarta.servlet.ServletInputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.EOFException("early EOF");
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(jakarta.servlet.ReadListener listener) {
            }
        };
        FormInput.Refused refused = assertThrows(FormInput.Refused.class,
                () -> FormInput.read(post("application/json", 100, null, () -> broken)));
        assertEquals(400, refused.status());
    }
}
