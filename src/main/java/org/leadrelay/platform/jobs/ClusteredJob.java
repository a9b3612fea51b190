package org.leadrelay.platform.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@code @Scheduled} method (or one run at start-up) a job of the cluster:
 * {@link ClusteredJobs} runs each of its invocations, with the lock its {@link #runs()}
 * asks for, and logs and counts a failure instead of the method catching it. The method
 * returns nothing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ClusteredJob {

	/** The job's name: its lock, its log lines and its metric's {@code job} tag. */
	String value();

	/** Whether nodes take turns or all run it. */
	Runs runs();

	/**
	 * For {@link Runs#ONE_NODE_AT_A_TIME}: the longest a run keeps the lock (ISO-8601),
	 * so that a node that dies while running does not keep it for ever. Longer than a run
	 * takes.
	 */
	String lockAtMostFor() default "PT10M";

	/** How the nodes of a cluster share a job. */
	enum Runs {

		/** Under a lock: while one node runs it, the others skip their turn. */
		ONE_NODE_AT_A_TIME,

		/**
		 * On every node at once: the job claims its rows itself ({@code FOR UPDATE SKIP
		 * LOCKED}, a lease), so more nodes finish the work sooner.
		 */
		ON_EVERY_NODE

	}

}
