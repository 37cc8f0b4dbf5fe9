package io.hallpass.sample.launcher.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverrideDescriptorTest {

    @Test
    void listsEachOverrideAsAnEscapedContextParameter() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hallpass.reauth-within", "30s");
        parameters.put("hallpass.jdbc-url", "jdbc:h2:file:./x;A=<b>&'\"");
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by the hallpass-sample launcher: its options, overriding the WAR's web.xml -->
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>hallpass.reauth-within</param-name><param-value>30s</param-value></context-param>
                  <context-param><param-name>hallpass.jdbc-url</param-name><param-value>jdbc:h2:file:./x;A=&lt;b&gt;&amp;&apos;&quot;</param-value></context-param>
                </web-app>
                """, JettyServer.overrideDescriptor(parameters));
    }
}
