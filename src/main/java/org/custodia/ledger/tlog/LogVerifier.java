package org.custodia.ledger.tlog;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier, for whoever keeps a copy of a checkpoint: {@code java -jar custodia.jar verify --checkpoint
 * old.txt --key facility.vkey --url https://host [--user name:password] [--save new.txt]}. Fetches the log's latest
 * checkpoint and a consistency proof from the kept one, checks both signatures and the proof with SHA-256 and
 * Ed25519 only, and prints one line. Exit 0: history was kept; 1: it was not (or the log shows a bad signature or an
 * older tree); 2: it could not be checked (usage, files, network, HTTP).
 */
public final class LogVerifier {

    public static final int KEPT = 0;
    public static final int NOT_KEPT = 1;
    public static final int UNCHECKED = 2;

    private static final String USAGE = "usage: verify --checkpoint FILE --key VKEY-FILE --url URL [--user NAME:PASSWORD] [--save FILE]";

    private LogVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the check; the one line goes to {@code out}. Returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            out.println("CANNOT CHECK: " + e.getMessage() + "; " + USAGE);
            return UNCHECKED;
        }
        VerifierKey key;
        SignedNote kept;
        Checkpoint old;
        try {
            key = VerifierKey.parse(readKey(options.get("key")));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            out.println("CANNOT CHECK: cannot read the key " + options.get("key") + ": " + e.getMessage());
            return UNCHECKED;
        } catch (ProofException e) {
            out.println("CANNOT CHECK: the key you gave is not a C2SP verifier key: " + e.getMessage());
            return UNCHECKED;
        }
        try {
            kept = SignedNote.parse(Files.readString(Path.of(options.get("checkpoint")), StandardCharsets.UTF_8));
            kept.verify(key);
            old = Checkpoint.parse(kept.text());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            out.println("CANNOT CHECK: cannot read the checkpoint " + options.get("checkpoint") + ": " + e);
            return UNCHECKED;
        } catch (ProofException e) {
            out.println("CANNOT CHECK: the checkpoint you kept does not verify with the key you gave: " + e.getMessage());
            return UNCHECKED;
        }
        Http http = new Http(options.get("url"), options.get("user"));
        Checkpoint latest;
        String latestNote;
        try {
            latestNote = http.get("/api/v1/ledger/checkpoints/latest").path("note").asString();
        } catch (HttpFailure e) {
            out.println("CANNOT CHECK: " + e.getMessage());
            return UNCHECKED;
        }
        try {
            SignedNote note = SignedNote.parse(latestNote);
            note.verify(key);
            latest = Checkpoint.parse(note.text());
        } catch (ProofException e) {
            out.println("NOT KEPT: the log's latest checkpoint does not verify with its key: " + e.getMessage());
            return NOT_KEPT;
        }
        if (!latest.origin().equals(old.origin())) {
            out.println("NOT KEPT: the log's latest checkpoint is of another log (" + latest.origin() + ", not "
                    + old.origin() + ")");
            return NOT_KEPT;
        }
        if (latest.treeSize() < old.treeSize()) {
            out.println("NOT KEPT: the log's latest checkpoint has " + latest.treeSize() + " entries, fewer than the "
                    + old.treeSize() + " of the one you kept");
            return NOT_KEPT;
        }
        List<byte[]> proof = new ArrayList<>();
        if (latest.treeSize() > old.treeSize()) {
            try {
                JsonNode answer = http.get("/api/v1/ledger/consistency?from=" + old.treeSize() + "&to=" + latest.treeSize());
                for (JsonNode hash : answer.path("hashes")) {
                    proof.add(Base64.getDecoder().decode(hash.asString()));
                }
            } catch (HttpFailure e) {
                out.println("CANNOT CHECK: " + e.getMessage());
                return UNCHECKED;
            } catch (IllegalArgumentException e) {
                out.println("NOT KEPT: the log's consistency proof is not base64");
                return NOT_KEPT;
            }
        }
        try {
            MerkleVerifier.verifyConsistency(old.treeSize(), latest.treeSize(), proof, old.rootHash(), latest.rootHash());
        } catch (ProofException e) {
            out.println("NOT KEPT: the log's tree of " + latest.treeSize() + " entries does not extend the one of "
                    + old.treeSize() + " you kept: " + e.getMessage());
            return NOT_KEPT;
        }
        String saved = "";
        if (options.containsKey("save")) {
            try {
                Files.writeString(Path.of(options.get("save")), latestNote, StandardCharsets.UTF_8);
                saved = "; saved it to " + options.get("save");
            } catch (IOException e) {
                saved = "; could not save it to " + options.get("save") + ": " + e.getMessage();
            }
        }
        out.println("KEPT: " + old.origin() + " at " + latest.treeSize() + " entries (root "
                + Base64.getEncoder().encodeToString(latest.rootHash()) + ") extends the checkpoint you kept at "
                + old.treeSize() + " entries, signed by " + key.name() + saved);
        return KEPT;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        int i = args.length > 0 && args[0].equals("verify") ? 1 : 0;
        for (; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--checkpoint", "--key", "--url", "--user", "--save").contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name.substring(2), args[++i]);
        }
        for (String required : List.of("checkpoint", "key", "url")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is missing");
            }
        }
        return options;
    }

    /** A file holding the vkey, or the vkey itself. */
    private static String readKey(String value) throws IOException {
        Path path = Path.of(value);
        return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : value;
    }

    private static final class HttpFailure extends Exception {
        HttpFailure(String message) {
            super(message);
        }
    }

    private static final class Http {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private final String authorization;

        Http(String base, String user) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.authorization = user == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        }

        JsonNode get(String path) throws HttpFailure {
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json");
            } catch (IllegalArgumentException e) {
                throw new HttpFailure("the URL " + base + " is malformed");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<byte[]> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new HttpFailure("GET " + path + " answered " + response.statusCode() + " "
                            + new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " "));
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new HttpFailure("GET " + base + path + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpFailure("interrupted");
            } catch (RuntimeException e) {
                throw new HttpFailure("GET " + path + " did not answer JSON: " + e.getMessage());
            }
        }
    }
}
