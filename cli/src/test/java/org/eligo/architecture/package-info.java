/** Tests that keep the module map honest. */
package org.eligo.architecture;
