package org.truce.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;

/**
 * FEATURE UNDER TEST (issue 3): the index remembers, per thread, the last "nearest within?" and
 * "any within?" question and its answer, because a bulk run asks each twice in a row for a row
 * that becomes a report. Any sequence of questions (repeated, the same point with another radius,
 * the kinds interleaved, several threads at once) must get the answers of an index asked once.
 */
class LastQuestionsIssue3Test {

    static final List<ProtectedObject> OBJECTS = ProtectedObjectIndexIssue3Test.clustered(7, 300);

    static ProtectedObjectIndex index() {
        return ProtectedObjectIndex.of(OBJECTS, o -> o.category().startsWith("energy."), 3_000);
    }

    record Question(GeoPoint point, double radius_m, boolean nearest) {
    }

    /** Questions around the objects, each often asked again at once, or with the other radius or kind. */
    static List<Question> questions(long seed, int n) {
        Random rnd = new Random(seed);
        List<Question> all = new ArrayList<>();
        while (all.size() < n) {
            GeoPoint near = OBJECTS.get(rnd.nextInt(OBJECTS.size())).location();
            GeoPoint p = GeoPoint.of(near.lat_deg() + 0.04 * (rnd.nextDouble() - 0.5),
                    near.lon_deg() + 0.04 * (rnd.nextDouble() - 0.5));
            double radius = rnd.nextBoolean() ? 3_000 : 13_000;
            Question q = new Question(p, radius, rnd.nextBoolean());
            all.add(q);
            switch (rnd.nextInt(4)) {
                case 0 -> all.add(q);
                case 1 -> all.add(new Question(p, radius == 3_000 ? 13_000 : 3_000, q.nearest()));
                case 2 -> all.add(new Question(p, radius, !q.nearest()));
                default -> {
                }
            }
        }
        return all;
    }

    static Object answer(ProtectedObjectIndex index, Question q) {
        return q.nearest() ? index.nearestWithin(q.point(), q.radius_m()) : index.anyWithin(q.point(), q.radius_m());
    }

    @Test
    void everyAnswerIsTheOneAFreshIndexGives() {
        ProtectedObjectIndex asked = index();
        int found = 0;
        for (Question q : questions(11, 600)) {
            Object expected = answer(index(), q);
            assertThat(answer(asked, q)).as("%s", q).isEqualTo(expected);
            found += Boolean.TRUE.equals(expected) || expected instanceof java.util.Optional<?> o && o.isPresent() ? 1 : 0;
        }
        assertThat(found).as("not vacuous").isGreaterThan(50);
    }

    @Test
    void threadsSharingAnIndexGetTheirOwnAnswers() throws Exception {
        ProtectedObjectIndex shared = index();
        ProtectedObjectIndex reference = index();
        List<Question> questions = questions(12, 2_000);
        List<Object> expected = new ArrayList<>();
        for (Question q : questions) {
            expected.add(answer(reference, q));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 301;
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int k = 0; k < questions.size(); k++) {
                        int i = (k + offset) % questions.size();
                        assertThat(answer(shared, questions.get(i))).as("%s", questions.get(i)).isEqualTo(expected.get(i));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(questions.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
