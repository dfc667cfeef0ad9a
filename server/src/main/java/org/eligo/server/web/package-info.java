/**
 * The web application: server-rendered HTML pages (find trials, trial pages, check my eligibility, interest form)
 * that work without JavaScript. Every text comes from the message bundle {@code org/eligo/server/messages}; every
 * string from a user or the registry is escaped by {@link Html}.
 */
package org.eligo.server.web;
