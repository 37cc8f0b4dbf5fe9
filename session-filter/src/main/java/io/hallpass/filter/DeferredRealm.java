package io.hallpass.filter;

import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The realm as the application sees it through {@link Hallpass#realm}, when the filter started its own: every
 * call goes to the running realm, or fails with {@link RealmUnavailableException} while it cannot start;
 * {@code close()} is the filter's, so the application cannot close the realm under it.
 */
final class DeferredRealm {

    private DeferredRealm() {
    }

    static Realm of(RealmHolder holder) {
        return (Realm) Proxy.newProxyInstance(Realm.class.getClassLoader(), new Class<?>[] {Realm.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            return null;
                        case "toString":
                            return "Hallpass realm";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            try {
                                return method.invoke(holder.get(), args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
