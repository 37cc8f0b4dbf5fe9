package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import jakarta.servlet.ServletContext;
import jakarta.servlet.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The policy the filter enforces: the deployer's rules (the {@code rules} setting, or the {@code rules-file}
 * under {@code /WEB-INF/}) compiled with the annotations of the application's servlets. The effective policy is
 * logged and published to the application as a {@link io.hallpass.filter.policy.PolicyReport}
 * ({@link Hallpass#policyReport}); a bad or conflicting rule stops the start naming its line.
 */
final class ConfiguredPolicy {

    private static final System.Logger LOG = System.getLogger(ConfiguredPolicy.class.getName());

    private ConfiguredPolicy() {
    }

    static Policy compile(FilterSettings settings, ServletContext context, ApplicationClasses classes)
            throws UnavailableException {
        Policy policy;
        try {
            policy = Policy.compile(rules(settings, context), ServletScan.of(context, classes),
                    ServletScan.files(context), new PolicySettings(settings.denyUnmatched(), settings.reauthWithin()));
        } catch (SettingsException | PolicyException e) {
            throw StartRefusal.of(e.getMessage());
        }
        LOG.log(System.Logger.Level.INFO, () -> "Hallpass effective policy for context '" + context.getContextPath()
                + "':\n  " + String.join("\n  ", policy.describe()));
        context.setAttribute(Hallpass.POLICY_REPORT_ATTRIBUTE, policy.report());
        return policy;
    }

    private static RuleSource rules(FilterSettings settings, ServletContext context) throws SettingsException {
        if (settings.rules() != null) {
            return new RuleSource("init-param rules", settings.rules());
        }
        if (settings.rulesFile() == null) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: no rules configured (rules or rules-file); only "
                    + "annotations apply and every other path is " + (settings.denyUnmatched() ? "denied" : "open"));
            return new RuleSource("no rules", "");
        }
        try (InputStream in = context.getResourceAsStream(settings.rulesFile())) {
            if (in == null) {
                throw new SettingsException(List.of("rules-file ('" + settings.rulesFile() + "'): no such file"));
            }
            return new RuleSource(settings.rulesFile(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SettingsException(List.of("rules-file ('" + settings.rulesFile() + "'): cannot be read: "
                    + e.getMessage()));
        }
    }
}
