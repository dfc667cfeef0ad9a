package org.eligo.store.trial;

/** Whether a status belongs to the whole study or to one of its sites. */
public enum StatusScope { OVERALL, SITE }
