package org.eligo.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.Locale;

/**
 * Receives HAPI's lenient-parse complaints about one resource and turns them into diagnostics located at the
 * element; the offending values are never quoted.
 */
final class ParseIssueCollector implements IParserErrorHandler {
  private final ResourceScope scope;

  ParseIssueCollector(ResourceScope scope) {
    this.scope = scope;
  }

  @Override
  public void unknownElement(IParseLocation location, String elementName) {
    scope.warn(path(location, elementName), "is not an element of this resource in FHIR R4; ignored");
  }

  @Override
  public void unknownAttribute(IParseLocation location, String attributeName) {
    scope.warn(path(location, attributeName), "is not a known attribute; ignored");
  }

  @Override
  public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
    scope.warn(path(location, elementName), "repeats but may occur only once");
  }

  @Override
  public void containedResourceWithNoId(IParseLocation location) {
    scope.warn(path(location, "contained"), "a contained resource has no id, so nothing can refer to it");
  }

  @Override
  public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
                                ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
    scope.error(path(location, elementName), "has the wrong JSON type (expected " + describe(expected, expectedScalar)
        + ", found " + describe(found, foundScalar) + "); its value may be lost");
  }

  @Override
  public void invalidValue(IParseLocation location, String value, String error) {
    scope.error(path(location, null), "holds a value that is not valid for its FHIR type; it is not used");
  }

  @Override
  public void missingRequiredElement(IParseLocation location, String elementName) {
    scope.warn(path(location, elementName), "is required by FHIR but missing");
  }

  @Override
  public void unknownReference(IParseLocation location, String reference) {
    scope.warn(path(location, null), "a reference points to nothing in the resource");
  }

  @Override
  public void invalidInternalReference(IParseLocation location, String reference) {
    scope.warn(path(location, null), "an internal reference is not valid");
  }

  @Override
  public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
    scope.warn(path(location, "extension"), "an extension has both a value and nested extensions");
  }

  private static String path(IParseLocation location, String element) {
    String parent = location == null || location.getParentElementName() == null ? ""
        : location.getParentElementName();
    if (element == null || element.isEmpty()) return parent;
    return parent.isEmpty() ? element : parent + "." + element;
  }

  private static String describe(ValueType type, ScalarType scalar) {
    if (type == null) return "nothing";
    String t = type.name().toLowerCase(Locale.ROOT);
    return scalar == null ? t : scalar.name().toLowerCase(Locale.ROOT) + " " + t;
  }
}
