import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.custodia.housing.internal.planner.GeneratedInstances;
import org.custodia.housing.internal.planner.GreedyPlanner;
import org.custodia.housing.internal.planner.PlacementPlan;
import org.custodia.housing.internal.planner.PlannerConfig;

/**
 * The housing planner against the greedy baseline (first fit by the same rule classes), on generated instances, in
 * one run: time until every arrival is placed with no hard rule broken, and the soft penalty the arrivals add.
 *
 *   bench/housing-planner.sh [warm-up runs] [measured runs] [time limit seconds]
 */
public class HousingPlannerBenchmark {

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long limit = args.length > 2 ? Long.parseLong(args[2]) : 10;
        SolverFactory<PlacementPlan> factory = SolverFactory.create(PlannerConfig.solverConfig());
        SolutionManager<PlacementPlan, HardMediumSoftLongScore> scores = SolutionManager.create(factory);
        System.out.printf("machine: %d cores, java %s; solver: Timefold %s, limit %d s, unimproved %d ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ai.timefold.solver.core.config.solver.SolverConfig.class.getPackage().getImplementationVersion(), limit,
                PlannerConfig.DEFAULT_UNIMPROVED.toMillis());
        for (int w = 0; w < warmups; w++) {
            solve(factory, GeneratedInstances.standard(1000 + w), limit);
        }
        System.out.printf("%-9s %4s | %10s %10s %8s %12s | %10s %8s %12s | %s%n", "case", "run", "no-break s",
                "total s", "placed", "soft added", "greedy s", "placed", "soft added", "soft ratio");
        report("standard", runs, GeneratedInstances::standard, factory, scores, limit);
        report("dense", runs, GeneratedInstances::dense, factory, scores, limit);
    }

    private static void report(String name, int runs, LongFunction<PlacementPlan> instance, SolverFactory<PlacementPlan> factory,
                               SolutionManager<PlacementPlan, HardMediumSoftLongScore> scores, long limit) {
        for (int r = 0; r < runs; r++) {
            long seed = 42 + r;
            PlacementPlan greedy = instance.apply(seed);
            long g0 = System.nanoTime();
            GreedyPlanner.place(greedy);
            double greedySeconds = (System.nanoTime() - g0) / 1e9;
            HardMediumSoftLongScore greedyScore = scores.update(greedy);
            long greedyPlaced = greedy.getArrivals().stream().filter(a -> a.getCell() != null).count();

            Result solved = solve(factory, instance.apply(seed), limit);
            long placed = solved.plan.getArrivals().stream().filter(a -> a.getCell() != null).count();
            HardMediumSoftLongScore score = solved.plan.getScore();
            String ratio = greedyScore.softScore() == 0 ? "-" : "%.3f".formatted((double) -score.softScore() / -greedyScore.softScore());
            System.out.printf("%-9s %4d | %10s %10.2f %8s %12d | %10.3f %8s %12d | %s   (planner %s, greedy %s)%n", name, r + 1,
                    solved.noBreakSeconds < 0 ? "never" : "%.2f".formatted(solved.noBreakSeconds), solved.totalSeconds,
                    placed + "/" + solved.plan.getArrivals().size(), -score.softScore(), greedySeconds,
                    greedyPlaced + "/" + greedy.getArrivals().size(), -greedyScore.softScore(), ratio, score, greedyScore);
        }
    }

    record Result(PlacementPlan plan, double noBreakSeconds, double totalSeconds) {
    }

    private static Result solve(SolverFactory<PlacementPlan> factory, PlacementPlan problem, long limit) {
        Solver<PlacementPlan> solver = factory.buildSolver(PlannerConfig.override(Duration.ofSeconds(limit),
                PlannerConfig.DEFAULT_UNIMPROVED));
        AtomicLong firstFeasible = new AtomicLong(-1);
        long t0 = System.nanoTime();
        solver.addEventListener(e -> {
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) e.getNewBestScore();
            if (firstFeasible.get() < 0 && s.hardScore() == 0 && s.mediumScore() == 0) {
                firstFeasible.set(System.nanoTime() - t0);
            }
        });
        PlacementPlan best = solver.solve(problem);
        double total = (System.nanoTime() - t0) / 1e9;
        HardMediumSoftLongScore s = best.getScore();
        if (firstFeasible.get() < 0 && s.hardScore() == 0 && s.mediumScore() == 0) {
            firstFeasible.set(System.nanoTime() - t0);
        }
        return new Result(best, firstFeasible.get() < 0 ? -1 : firstFeasible.get() / 1e9, total);
    }
}
