package dev.llmbench.simulator.provider;

import java.util.HashMap;
import java.util.Map;

/**
 * One simulator for the format, error, limit and fault tests (starting one costs seconds of key generation), with
 * delay-free variants of each profile. Tests use their own API keys and prompts so they do not share buckets or cache.
 */
final class SharedSim {
    private static SimClient client;

    private SharedSim() {}

    static synchronized SimClient client() {
        if (client == null) {
            Map<String, String> o = new HashMap<>();
            o.put("zero.thinking.tokens", "20");
            for (String[] variant : new String[][] {{"quickopenai", "openai"}, {"quicktogether", "together"},
                    {"quickanthropic", "anthropic"}, {"quickgemini", "gemini"}}) {
                String name = variant[0];
                o.put(name + ".base", variant[1]);
                o.put(name + ".latency.medianMs", "0");
                o.put(name + ".decode.tokensPerSecond", "0");
                o.put(name + ".network.rttMs", "0");
                o.put(name + ".network.connectMs", "0");
                o.put(name + ".network.tlsMs", "0");
                o.put(name + ".prefill.usPerToken", "0");
                o.put(name + ".limit.concurrency", "0");
                o.put(name + ".output.sigma", "0");
            }
            o.put("quickanthropic.thinking.tokens", "20");
            o.put("quickanthropic.connection.maxGenerations", "0");
            // Limits: tiny buckets to hit them with a handful of requests.
            o.put("rpm3.base", "zero");
            o.put("rpm3.limit.rpm", "3");
            o.put("tpm.base", "zero");
            o.put("tpm.limit.tpm", "1000");
            o.put("conc1.base", "zero");
            o.put("conc1.limit.concurrency", "1");
            o.put("conc1.latency.medianMs", "700");
            o.put("conc1.latency.sigma", "0");
            o.put("cap1.base", "anthropic");
            o.put("cap1.capacity.generations", "1");
            o.put("cap1.latency.medianMs", "700");
            o.put("cap1.latency.sigma", "0");
            o.put("cap1.decode.tokensPerSecond", "0");
            o.put("queue1.base", "zero");
            o.put("queue1.capacity.generations", "1");
            o.put("queue1.latency.medianMs", "300");
            o.put("queue1.latency.sigma", "0");
            // Faults with short stalls.
            o.put("faulty.base", "zero");
            o.put("faulty.fault.stallMs", "300");
            o.put("faulty.fault.trickleMs", "20");
            o.put("faulty.output.mean", "10");
            o.put("randomfault.base", "zero");
            o.put("randomfault.fault.http-500", "1");
            client = new SimClient(o);
        }
        return client;
    }
}
