/**
 * The interest form: raw input as typed, the rules it must meet (formats, lengths, consent, encoding, no line
 * breaks in fields that end up in mail headers) and the validated value. Bad input is a list of
 * {@link org.eligo.referral.form.FieldProblem}s, never an exception.
 */
package org.eligo.referral.form;
