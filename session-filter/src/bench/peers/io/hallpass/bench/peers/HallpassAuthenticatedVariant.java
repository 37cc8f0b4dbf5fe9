package io.hallpass.bench.peers;

/** Hallpass on {@code /app/hello}, which needs role {@code user}, with the default settings: the session cache on. */
public final class HallpassAuthenticatedVariant extends HallpassVariant {

    @Override
    public String name() {
        return "hallpass-auth";
    }
}
