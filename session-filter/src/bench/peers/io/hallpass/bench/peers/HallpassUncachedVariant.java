package io.hallpass.bench.peers;

import java.util.Map;

/**
 * Hallpass on {@code /app/hello} with {@code session-cache=off}: one indexed read of the in-process H2 database per
 * request (plain JDBC), as a deployment that wants no cache gets; the peer to compare with is {@code jdbcfilter}.
 */
public final class HallpassUncachedVariant extends HallpassVariant {

    @Override
    public String name() {
        return "hallpass-uncached";
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("session-cache", "off");
    }
}
