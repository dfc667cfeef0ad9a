package org.eligo.terminology.infection;

/** What one result of an infection test shows about the infection on its date. */
public enum Reading {
    /** The infection is present (HBsAg positive, HCV RNA detected). */
    INFECTED,
    /** The infection was present at some time, perhaps no longer (an HCV antibody: cleared or treated infections keep it). */
    EXPOSED,
    /** No current infection (HBsAg negative, HCV RNA not detected). */
    NOT_INFECTED,
    /** Nothing either way (an undetectable viral load under treatment does not end an infection). */
    NOTHING
}
