package org.eligo.terminology;

/**
 * One defect found in the terminology data files.
 *
 * @param location file and entry, e.g. {@code concepts/medications.json: concept 'sirolimus'}
 * @param reason   what is wrong, in words
 */
public record DataProblem(String location, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
