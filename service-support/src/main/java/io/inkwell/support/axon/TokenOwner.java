package io.inkwell.support.axon;

import java.lang.management.ManagementFactory;

/**
 * The name under which this JVM claims event processors' tokens ({@code pid@host}, Axon's default), named once so
 * that code handing tokens to a processor of this instance can claim them in its name.
 */
public final class TokenOwner {

    public static final String THIS_INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private TokenOwner() {
    }
}
