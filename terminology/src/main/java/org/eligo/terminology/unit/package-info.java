/**
 * Units: reading the unit spellings of registry text and lab systems ({@link org.eligo.terminology.unit.RegistryUnits})
 * and converting between UCUM units ({@link org.eligo.terminology.unit.UcumUnits}, backed by the UCUM essence bundled with
 * {@code org.fhir:ucum}). Results are values ({@link org.eligo.terminology.unit.UnitReading},
 * {@link org.eligo.terminology.unit.UnitFactor}); bad input never throws.
 */
package org.eligo.terminology.unit;
