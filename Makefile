# leakhunt: the user's surface. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell src/bin/find-jdk25)
ifeq ($(JAVA_HOME),)
  $(error JDK 25 is required; see the line above)
endif
export JAVA_HOME
JAVA := $(JAVA_HOME)/bin/java
MVN  := mvn -B -q -Dstyle.color=never

TARGET_JAR  := target-app/target/target-app.jar
SAMPLER_JAR := sampler/target/sampler.jar
CHARTS_JAR  := charts/target/charts.jar
SOAK_JAR    := simulations/target/soak.jar
JARS := $(TARGET_JAR) $(SAMPLER_JAR) $(CHARTS_JAR) $(SOAK_JAR)
SOURCES := $(shell find pom.xml target-app sampler charts simulations src/config -path '*/target' -prune -o -type f -print 2>/dev/null)

# Soak parameters (see README). Empty means the supervisor's default.
LEAK ?=
DURATION ?=
RATE ?=
ACCEL ?=
SEED ?=
RUN ?=
MEMORY_LIMIT ?=
NOFILE ?=
JAVA_OPTS ?=
TARGET_CMD ?=
TARGET_PID ?=
TARGET_URL ?=
MIX ?=
RESTART ?=
STOP_ON_LEAK ?=
WAVES ?=
METRICS_URL ?=
HEALTH_PATH ?=
INTERVAL ?=
CACHE_SIZE ?=
WARMUP ?=
soak_arg = $(if $(strip $($(1))),--$(2)=$(strip $($(1))))
SOAK_ARGS = $(call soak_arg,LEAK,leak) $(call soak_arg,DURATION,duration) $(call soak_arg,RATE,rate) \
  $(call soak_arg,ACCEL,accel) $(call soak_arg,SEED,seed) $(call soak_arg,RUN,run) \
  $(call soak_arg,MEMORY_LIMIT,memory-limit) $(call soak_arg,NOFILE,nofile) \
  $(call soak_arg,TARGET_PID,target-pid) $(call soak_arg,TARGET_URL,target-url) $(call soak_arg,MIX,mix) \
  $(call soak_arg,RESTART,restart) $(call soak_arg,STOP_ON_LEAK,stop-on-leak) $(call soak_arg,WAVES,waves) \
  $(call soak_arg,METRICS_URL,metrics-url) $(call soak_arg,HEALTH_PATH,health-path) \
  $(call soak_arg,INTERVAL,interval) $(call soak_arg,CACHE_SIZE,cache-size) $(call soak_arg,WARMUP,warmup)

.PHONY: help build test soak report compare diff clean
help:
	@echo "make soak [LEAK=none|thread|fd|map|ticker|vthread|direct|metaspace] [DURATION=10m] [RATE=…] [ACCEL=…] [SEED=…] …  run a soak, then report it"
	@echo "make bench-driver RUN=runs/<id>     per-minute achieved vs target requests of a soak, Gatling's RSS"
	@echo "make report RUN=runs/<id>           (re)build runs/<id>/report.html and verdicts.json"
	@echo "make compare RUNS='runs/a runs/b'   overlay the curves of several runs"
	@echo "make diff RUN=runs/<id> FROM=<ts_ms> TO=<ts_ms>   diff two profiles of a run"
	@echo "make test                           unit, integration and end-to-end tests"
	@echo "make leak-gate [CASES=none,thread,…] every planted leak caught and localized, the control clean"
	@echo "make bench-detect [SEEDS=5] [CASES=…] recall, precision, time to detect per leak class"
	@echo "make experiment-<name> [DURATION=…]  one experiment of src/docs/experiments/: runs its soaks, prints its numbers"
	@echo "                                     memory-limit gc-growing-heap cache-vs-leak fd-exhaustion fix-and-flatten"
	@echo "                                     returning-memory jvm-leak-classes"
	@echo "make build                          build every module's jar"

build: $(JARS)

$(JARS) &: $(SOURCES)
	$(MVN) -DskipTests package
	@touch $(JARS)

test:
	mvn -B -Dstyle.color=never verify

# Every planted leak soaked, confirmed and localized, and the control clean: short accelerated soaks that stop
# once their leak is confirmed. One line per soak; exit 1 names what failed. CI runs it on none, thread, fd, map
# and ticker (.ci/run); bench-detect's record is src/docs/bench-detect.txt (README, "The leak gate").
.PHONY: leak-gate bench-detect
leak-gate: build
	$(JAVA) -jar $(SOAK_JAR) leak-gate $(if $(CASES),--cases=$(CASES)) $(if $(OUT),--out="$(OUT)")

# The gate's soaks over SEEDS seeds (default 5): recall, precision and time to detect per leak class, and the
# control's false positives. The output is kept as the measured record in src/docs/bench-detect.txt.
SEEDS ?= 5
bench-detect: build
	$(JAVA) -jar $(SOAK_JAR) leak-gate --seeds=$(SEEDS) $(if $(CASES),--cases=$(CASES)) $(if $(OUT),--out="$(OUT)") \
	  | tee src/docs/bench-detect.txt

# The experiments of src/docs/experiments/: each runs its soaks under runs/experiments/ (a finished one is kept) and
# prints its headline numbers (charts.jar findings), kept as runs/experiments/findings-<name>.txt. DURATION replaces
# every soak's load duration (e.g. DURATION=12h for fix-and-flatten's long version), in folders suffixed with it.
EXPERIMENTS := memory-limit gc-growing-heap cache-vs-leak fd-exhaustion fix-and-flatten returning-memory
.PHONY: $(addprefix experiment-,$(EXPERIMENTS)) experiment-jvm-leak-classes
$(addprefix experiment-,$(EXPERIMENTS)): experiment-%: build
	$(JAVA) -jar $(SOAK_JAR) experiment $* $(if $(strip $(DURATION)),--duration=$(strip $(DURATION))) $(if $(OUT),--out="$(OUT)")

# The JVM's own leak classes (virtual threads, direct buffers, class loaders): the leak gate's soaks of them.
experiment-jvm-leak-classes: build
	$(JAVA) -jar $(SOAK_JAR) leak-gate --cases=vthread,direct,metaspace --out="$(or $(OUT),runs/experiments)/jvm-leak-classes"

# The lab service's ceiling on this machine: the highest rate of the soak's default mix it holds with p99 < 50 ms.
.PHONY: bench-target
bench-target: $(TARGET_JAR)
	$(JAVA) -cp $(TARGET_JAR):target-app/target/test-classes dev.leakhunt.target.bench.CeilingBench \
	  --jar=$(TARGET_JAR) --log-dir=target-app/target/bench-logs

soak: build
	$(JAVA) -jar $(SOAK_JAR) $(SOAK_ARGS) $(if $(strip $(JAVA_OPTS)),"--java-opts=$(JAVA_OPTS)") $(if $(strip $(TARGET_CMD)),"--target-cmd=$(TARGET_CMD)")

# Did the driver hold the rate? Per minute: target vs achieved requests from gatling/simulation.log (within 1 %
# after minute 1), and the Gatling JVM's RSS at minutes 1 and 10.
.PHONY: bench-driver
bench-driver: $(SOAK_JAR)
	@test -n "$(RUN)" || { echo "make bench-driver: RUN=<run folder> is required" >&2; exit 2; }
	$(JAVA) -jar $(SOAK_JAR) bench-driver "$(RUN)"

report: build
	@test -n "$(RUN)" || { echo "make report: RUN=<run folder> is required" >&2; exit 2; }
	$(JAVA) -jar $(CHARTS_JAR) report "$(RUN)"

compare: build
	@test -n "$(RUNS)" || { echo "make compare: RUNS='<run folder> <run folder> …' is required" >&2; exit 2; }
	$(JAVA) -jar $(CHARTS_JAR) compare $(if $(OUT),--out="$(OUT)") $(RUNS)

diff: build
	@test -n "$(RUN)" -a -n "$(FROM)" -a -n "$(TO)" || { echo "make diff: RUN=<run folder> FROM=<profile ts_ms> TO=<profile ts_ms> are required" >&2; exit 2; }
	$(JAVA) -jar $(CHARTS_JAR) diff "$(RUN)" --from=$(FROM) --to=$(TO)

clean:
	$(MVN) clean

# The sampler's overhead on the lab target under a constant load: DURATION (default 10m), RATE (default 100/s).
.PHONY: bench-sampler
bench-sampler:
	$(MVN) -pl target-app -DskipTests package
	$(MVN) -pl sampler -DskipTests package
	DURATION="$(DURATION)" RATE="$(RATE)" sampler/src/bench/bench-sampler.sh

# The report's time and heap on a synthetic 24 h run (17,280 sample rows, a 43.2-million-request simulation.log,
# built once under charts/target/bench-run): targets <= 60 s and <= 1 GB heap (-Xmx1g).
.PHONY: bench-report
bench-report:
	$(MVN) -pl charts -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
	  -Dmdep.outputFile=$(CURDIR)/charts/target/bench.classpath
	$(JAVA) -cp "charts/target/test-classes:charts/target/classes:$$(cat charts/target/bench.classpath)" \
	  dev.leakhunt.charts.gatling.BenchReport charts/target/bench-run src/docs/formats.md $(CHARTS_JAR)
