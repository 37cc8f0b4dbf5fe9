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
}
