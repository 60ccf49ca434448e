package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trainer's sentence encoder: the runtime's own {@link InstructionEncoder}, so the embeddings
 * a model learns from are the bits it is fed at run time.
 *
 * <p>{@code java dev.umwelt.policy.vla.EncodeInstructions TEXTS.json OUT.f32}: TEXTS.json is a JSON
 * array of strings; OUT.f32 gets N x 384 little-endian float32, row per string.
 */
public final class EncodeInstructions {
    private EncodeInstructions() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EncodeInstructions TEXTS.json OUT.f32");
            System.exit(2);
        }
        JsonNode texts = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        if (!texts.isArray()) {
            System.err.println(args[0] + ": not a JSON array of strings");
            System.exit(2);
        }
        ByteBuffer b = ByteBuffer.allocate(texts.size() * InstructionEncoder.DIMENSION * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode t : texts) for (float v : InstructionEncoder.shared().encode(t.asText())) b.putFloat(v);
        Files.write(Path.of(args[1]), b.array());
        System.out.println("encoded " + texts.size() + " instructions");
    }
}
