/**
 * Lab and clinical measures (ANC, platelets, hemoglobin, creatinine, ECOG...): their LOINC codes, canonical UCUM unit,
 * plausible range and names, and the conversion of a value into the canonical unit
 * ({@link org.eligo.terminology.measure.MeasureConverter}), including measure-specific molar factors UCUM cannot apply.
 */
package org.eligo.terminology.measure;
