package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.UnavailableException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The filter's settings: its init-params, then the {@code hallpass.*} context-params, then the defaults. */
final class ConfiguredSettings {

    private ConfiguredSettings() {
    }

    /**
     * @param realmProvided the application put its own realm in the context, so no database settings apply
     * @throws UnavailableException listing every bad, conflicting or unknown setting
     */
    static FilterSettings read(FilterConfig config, boolean realmProvided) throws UnavailableException {
        ServletContext context = config.getServletContext();
        Map<String, String> init = new HashMap<>();
        for (String name : Collections.list(config.getInitParameterNames())) {
            init.put(name, config.getInitParameter(name));
        }
        Map<String, String> contextParams = new HashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith(FilterSettings.CONTEXT_PREFIX)) {
                contextParams.put(name, context.getInitParameter(name));
            }
        }
        try {
            return FilterSettings.read(init, contextParams, System::getenv, realmProvided);
        } catch (SettingsException e) {
            throw StartRefusal.of(String.join("; ", e.problems())); // StartRefusal says "refuses to start"
        }
    }
}
