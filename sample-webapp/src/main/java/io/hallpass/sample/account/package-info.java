/**
 * The signed-in user's own things: the account page, the session list (HTML or JSON) with revocation scoped to
 * the user's own account, the password change and the data export, both sensitive ({@code @Sensitive} on the
 * {@code doXxx} method).
 */
package io.hallpass.sample.account;
