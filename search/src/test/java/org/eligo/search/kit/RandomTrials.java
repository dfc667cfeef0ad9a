package org.eligo.search.kit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;

/** Reproducible random trials drawn from small pools of values, so that filters and facets overlap a lot. */
public final class RandomTrials {

  public static final List<String> CONDITIONS = List.of("Aplastic Anemia", "ITP", "Immune Thrombocytopenia",
      "Pure Red Cell Aplasia", "Evans Syndrome", "PNH", "Myelodysplastic Syndromes", "Autoimmune Hemolytic Anemia");
  public static final List<String> DRUGS = List.of("Sirolimus", "Cyclosporine", "Eltrombopag", "Romiplostim",
      "Danazol", "Tacrolimus", "Rituximab", "ATG");
  public static final List<String[]> CITIES = List.of(
      new String[] {"Beijing", "China", "39.90", "116.40"}, new String[] {"Tianjin", "China", "39.13", "117.20"},
      new String[] {"Bethesda", "United States", "38.98", "-77.10"}, new String[] {"Milan", "Italy", "45.46", "9.19"},
      new String[] {"Nagoya", "Japan", "35.18", "136.91"});
  public static final List<String> AGES = List.of("29 Days", "6 Months", "2 Years", "12 Years", "18 Years",
      "65 Years", "80 Years");

  private final Random random;

  public RandomTrials(long seed) {
    this.random = new Random(seed);
  }

  public List<Trial> generate(int count) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < count; i++) trials.add(one(String.format("NCT%08d", 10_000_000 + i)));
    return trials;
  }

  private Trial one(String nctId) {
    TrialBuilder b = TrialBuilder.trial(nctId)
        .status(pick(RecruitmentStatus.values()))
        .studyType(random.nextInt(10) == 0 ? null : pick(StudyType.values()));
    for (int i = random.nextInt(3); i > 0; i--) b.phase(pick(Phase.values()));
    for (int i = 1 + random.nextInt(3); i > 0; i--) b.condition(pick(CONDITIONS));
    for (int i = random.nextInt(4); i > 0; i--) b.drug(pick(DRUGS));
    b.sponsor("Sponsor " + random.nextInt(20), random.nextInt(5) == 0 ? null : pick(AgencyClass.values()));
    if (random.nextInt(5) > 0) b.sex(pick(Sex.values()));
    if (random.nextInt(4) > 0) b.healthyVolunteers(random.nextBoolean());
    String min = random.nextBoolean() ? null : AGES.get(random.nextInt(4));
    String max = random.nextBoolean() ? null : AGES.get(3 + random.nextInt(4));
    b.ages(min, max);
    if (random.nextInt(5) > 0) b.start(LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)).toString());
    for (int i = random.nextInt(4); i > 0; i--) {
      String[] city = pick(CITIES.toArray(String[][]::new));
      b.site(city[0] + " hospital " + random.nextInt(3), city[0], city[1], pick(RecruitmentStatus.values()),
          Double.parseDouble(city[2]) + random.nextDouble() * 0.2, Double.parseDouble(city[3]) + random.nextDouble() * 0.2);
    }
    return b.build();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
