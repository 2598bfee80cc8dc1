package dev.leakhunt.target.leaks;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leakhunt.target.quotes.QuoteHead;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the service's markup to each quote it answers: the bid goes down and the ask up by the spread of the
 * book's tier. A markup rule is a tiny expression ({@code bid-0.02;ask+0.02}) compiled to a class (written with
 * {@code java.lang.classfile}) in a class loader of its own, so that applying it costs what hand-written code
 * costs and a rule that is dropped can be unloaded. Planted leak {@code metaspace}: per request one class and its
 * class loader that are never unloaded.
 * <p>
 * A kept rule costs ≈1.6 KB of Metaspace used, ≈6 KB committed (a class loader gets Metaspace chunks of its own;
 * ≈9 KB of native memory with its class-loader data and module tables, by Native Memory Tracking) and ≈1.6 KB of
 * heap (the loader, the {@code Class} and the one instance). The class histogram counts them as instances of
 * {@code QuoteMarkup$RuleLoader} and {@code QuoteMarkup$Compiled}, one each per compiled rule.
 */
public final class QuoteMarkup {
    /** The fixed twin's bound: at most this many compiled rules, whatever the books asked for. */
    public static final int MAX_RULES = 64;
    /** Books fall into this many tiers; tier {@code t} (0-based) has a spread of {@code (t + 1) × TIER_SPREAD}. */
    static final int TIERS = 4;
    private static final BigDecimal TIER_SPREAD = new BigDecimal("0.01");
    private static final Pattern RULE = Pattern.compile("bid-(\\d+\\.\\d+);ask\\+(\\d+\\.\\d+)");
    private static final String COMPILED_NAME = QuoteMarkup.class.getName() + "$Compiled";
    private static final ClassDesc COMPILED = ClassDesc.of(COMPILED_NAME);
    private static final MethodTypeDesc DOUBLE_TO_DOUBLE = MethodTypeDesc.of(CD_double, CD_double);

    /** A compiled markup rule: the prices the service answers for the downstream's best prices. */
    public interface Markup {
        double bid(double bid);

        double ask(double ask);
    }

    private final boolean planted;
    private final Map<CharSequence, Markup> byRule = new ConcurrentHashMap<>();
    private final Cache<String, Markup> byRuleText = Caffeine.newBuilder().maximumSize(MAX_RULES).build();

    public QuoteMarkup(boolean planted) {
        this.planted = planted;
    }

    /** {@code head} with the markup of its book's tier, rounded to cents. */
    public QuoteHead apply(QuoteHead head) {
        StringBuilder rule = rule(head.id());
        Markup markup = planted
                // LEAK(metaspace): the rule as built, a StringBuilder, is the key, and a StringBuilder equals only
                // itself: no call finds what an earlier call compiled, so each defines one more class in one more
                // loader, and the map keeps them all, with their Metaspace, forever
                ? byRule.computeIfAbsent(rule, QuoteMarkup::compile)
                // fixed twin: the rule's text is the key, so a rule compiles once; at most MAX_RULES are kept
                : byRuleText.get(rule.toString(), QuoteMarkup::compile);
        return new QuoteHead(head.id(), cents(markup.bid(head.bid())), cents(markup.ask(head.ask())), head.source());
    }

    /** The markup rule of book {@code id}'s tier, e.g. {@code bid-0.02;ask+0.02}. */
    static StringBuilder rule(long id) {
        BigDecimal spread = TIER_SPREAD.multiply(BigDecimal.valueOf(id % TIERS + 1));
        return new StringBuilder("bid-").append(spread).append(";ask+").append(spread);
    }

    /** Compiles {@code rule} to a class defined by a new class loader and returns its instance. */
    static Markup compile(CharSequence rule) {
        Matcher parts = RULE.matcher(rule);
        if (!parts.matches()) {
            throw new IllegalArgumentException("markup rule '" + rule + "' is not bid-<spread>;ask+<spread>");
        }
        double bidSpread = Double.parseDouble(parts.group(1));
        double askSpread = Double.parseDouble(parts.group(2));
        byte[] bytes = ClassFile.of().build(COMPILED, cls -> cls
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
                .withInterfaceSymbols(ClassDesc.of(Markup.class.getName()))
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
                        .aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_())
                .withMethodBody("bid", DOUBLE_TO_DOUBLE, ClassFile.ACC_PUBLIC, code -> code
                        .dload(1).ldc(bidSpread).dsub().dreturn())
                .withMethodBody("ask", DOUBLE_TO_DOUBLE, ClassFile.ACC_PUBLIC, code -> code
                        .dload(1).ldc(askSpread).dadd().dreturn()));
        try {
            return new RuleLoader().define(bytes).asSubclass(Markup.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define the class of markup rule " + rule, e);
        }
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }

    /** Defines one compiled rule, which lives as long as something holds the rule, its class or this loader. */
    private static final class RuleLoader extends ClassLoader {
        RuleLoader() {
            super("markup-rule", QuoteMarkup.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) {
            return defineClass(COMPILED_NAME, bytes, 0, bytes.length);
        }
    }
}
