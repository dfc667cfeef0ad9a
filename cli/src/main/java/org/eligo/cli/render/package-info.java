/** Plain-text renderings for the terminal: trial pages, match reports, tables. */
package org.eligo.cli.render;
