/** The portal's small JSON API: {@code /api/me} and {@code /api/ping}, for any signed-in user. */
package io.hallpass.sample.api;
