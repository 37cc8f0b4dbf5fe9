package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.risk.DefaultRiskPolicy;
import io.hallpass.filter.risk.RiskPolicy;
import jakarta.servlet.UnavailableException;
import java.util.ServiceLoader;

/**
 * The risk policy: the class named by {@code risk-policy}, else one provided through
 * {@code META-INF/services/io.hallpass.filter.risk.RiskPolicy}, else {@link DefaultRiskPolicy} with the
 * {@code risk-*} settings. A named class that cannot be loaded or created stops the start.
 */
final class ConfiguredRiskPolicy {

    private static final System.Logger LOG = System.getLogger(ConfiguredRiskPolicy.class.getName());

    private ConfiguredRiskPolicy() {
    }

    static RiskPolicy load(FilterSettings settings, ApplicationClasses classes) throws UnavailableException {
        String name = settings.riskPolicy();
        if (name != null) {
            Class<?> type = classes.load(name);
            if (type == null) {
                throw StartRefusal.of("risk-policy ('" + name + "'): no such class");
            }
            try {
                Object policy = type.getConstructor().newInstance();
                if (policy instanceof RiskPolicy p) {
                    return p;
                }
                throw StartRefusal.of("risk-policy ('" + name + "') does not implement " + RiskPolicy.class.getName());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw StartRefusal.of("risk-policy ('" + name + "') cannot be created: " + e);
            }
        }
        for (RiskPolicy provided : ServiceLoader.load(RiskPolicy.class, classes.loader())) {
            LOG.log(System.Logger.Level.INFO, "Hallpass: risk policy " + provided.getClass().getName());
            return provided;
        }
        return new DefaultRiskPolicy(settings.newDeviceReauthWithin(),
                DefaultRiskPolicy.Reaction.parse(settings.networkChange()),
                DefaultRiskPolicy.Reaction.parse(settings.userAgentChange()), settings.failedLoginsBeforeSuccess());
    }
}
