package org.custodia.housing.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import java.util.UUID;
import org.custodia.housing.internal.planner.PlacementPlan;
import org.custodia.housing.internal.planner.PlannerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Timefold's beans, made by hand: the Spring Boot starter 1.32 does not run on Boot 4. */
@Configuration(proxyBeanMethods = false)
class PlannerBeans {

    @Bean
    SolverFactory<PlacementPlan> housingSolverFactory() {
        return SolverFactory.create(PlannerConfig.solverConfig());
    }

    @Bean(destroyMethod = "close")
    SolverManager<PlacementPlan, UUID> housingSolverManager(SolverFactory<PlacementPlan> factory) {
        return SolverManager.create(factory);
    }

    @Bean
    @org.springframework.context.annotation.Primary
    SolutionManager<PlacementPlan, HardMediumSoftLongScore> housingSolutionManager(SolverFactory<PlacementPlan> factory) {
        return SolutionManager.create(factory);
    }

    /** The same score, for recommendations (the API wants a single construction heuristic phase). */
    @Bean
    SolutionManager<PlacementPlan, HardMediumSoftLongScore> housingRecommendations() {
        return SolutionManager.create(SolverFactory.<PlacementPlan>create(PlannerConfig.recommendationConfig()));
    }
}
