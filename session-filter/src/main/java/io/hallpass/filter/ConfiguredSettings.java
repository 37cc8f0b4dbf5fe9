package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.UnavailableException;

/** The filter's settings: its init-params, then the {@code hallpass.*} context-params, then the defaults. */
final class ConfiguredSettings {

    private ConfiguredSettings() {
    }

    /**
     * @param realmProvided the application put its own realm in the context, so no database settings apply
     * @throws UnavailableException listing every bad or conflicting setting
     */
    static FilterSettings read(FilterConfig config, boolean realmProvided) throws UnavailableException {
        ServletContext context = config.getServletContext();
        try {
            return FilterSettings.read(config::getInitParameter, context::getInitParameter, System::getenv,
                    realmProvided);
        } catch (SettingsException e) {
            throw StartRefusal.of(e.getMessage());
        }
    }
}
