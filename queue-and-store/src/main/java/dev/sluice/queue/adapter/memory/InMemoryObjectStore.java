package dev.sluice.queue.adapter.memory;

import dev.sluice.contract.domain.ObjectRef;
import dev.sluice.contract.domain.Sha256;
import dev.sluice.queue.port.Artifact;
import dev.sluice.queue.port.Fault;
import dev.sluice.queue.port.ObjectInfo;
import dev.sluice.queue.port.PublishOutcome;
import dev.sluice.queue.port.Publisher;
import dev.sluice.queue.port.Result;
import dev.sluice.queue.port.SourceStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 in memory, as both the {@link SourceStore} and the {@link Publisher}: conditional writes
 * that never overwrite, HEAD that reports absence as a value, request counters per operation, and
 * injectable faults so tests can make any call fail the way a network does.
 */
public final class InMemoryObjectStore implements SourceStore, Publisher {

  /** The S3 operations this store serves, for counting and fault injection. */
  public enum Op { HEAD, GET, PUT }

  private record Stored(byte[] bytes, String contentType, Map<String, String> metadata, Sha256 sha256) {}

  private final Map<ObjectRef, Stored> objects = new ConcurrentHashMap<>();
  private final Map<Op, AtomicLong> counts = new EnumMap<>(Op.class);
  private final Map<Op, Deque<Fault>> faults = new EnumMap<>(Op.class);
  private volatile boolean storeChecksums = true;

  public InMemoryObjectStore() {
    for (Op op : Op.values()) {
      counts.put(op, new AtomicLong());
      faults.put(op, new ArrayDeque<>());
    }
  }

  public void put(ObjectRef ref, byte[] bytes, Map<String, String> metadata) {
    objects.put(ref, new Stored(bytes.clone(), "application/octet-stream", lowerCaseKeys(metadata), sha256(bytes)));
  }

  public void delete(ObjectRef ref) {
    objects.remove(ref);
  }

  public Optional<byte[]> bytes(ObjectRef ref) {
    return Optional.ofNullable(objects.get(ref)).map(s -> s.bytes().clone());
  }

  public Map<String, String> metadata(ObjectRef ref) {
    return Optional.ofNullable(objects.get(ref)).map(Stored::metadata).orElse(Map.of());
  }

  public int size() {
    return objects.size();
  }

  /** Whether HEAD reports a stored full-object SHA-256 (S3 does only when one was sent on upload). */
  public void storeChecksums(boolean on) {
    this.storeChecksums = on;
  }

  /** The next {@code times} calls of {@code op} fail with {@code fault}. */
  public synchronized void failNext(Op op, Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.get(op).add(fault);
    }
  }

  public long count(Op op) {
    return counts.get(op).get();
  }

  @Override
  public Result<Optional<ObjectInfo>> head(ObjectRef object) {
    Optional<Fault> fault = enter(Op.HEAD);
    if (fault.isPresent()) {
      return Result.err(fault.get());
    }
    return Result.ok(Optional.ofNullable(objects.get(object)).map(s -> new ObjectInfo(s.bytes().length,
        Optional.of("\"" + s.sha256().prefix(32) + "\""),
        storeChecksums ? Optional.of(s.sha256()) : Optional.empty(), s.metadata())));
  }

  @Override
  public Result<InputStream> open(ObjectRef object) {
    Optional<Fault> fault = enter(Op.GET);
    if (fault.isPresent()) {
      return Result.err(fault.get());
    }
    Stored s = objects.get(object);
    if (s == null) {
      return Result.err(dev.sluice.queue.port.FaultKind.NOT_FOUND, "no object " + object);
    }
    return Result.ok(new ByteArrayInputStream(s.bytes()));
  }

  @Override
  public Result<Optional<ObjectInfo>> probe(ObjectRef key) {
    return head(key);
  }

  @Override
  public Result<PublishOutcome> publish(Artifact artifact) {
    Optional<Fault> fault = enter(Op.PUT);
    if (fault.isPresent()) {
      return Result.err(fault.get());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(artifact.file());
    } catch (IOException e) {
      return Result.err(dev.sluice.queue.port.FaultKind.REJECTED, "cannot read " + artifact.file() + ": " + e);
    }
    Stored fresh = new Stored(bytes, artifact.contentType(), lowerCaseKeys(artifact.metadata()), sha256(bytes));
    return Result.ok(objects.putIfAbsent(artifact.key(), fresh) == null
        ? PublishOutcome.CREATED : PublishOutcome.ALREADY_PRESENT);
  }

  /** Counts of every operation, for assertions on the request cost of a path. */
  public Map<Op, Long> counts() {
    Map<Op, Long> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private synchronized Optional<Fault> enter(Op op) {
    counts.get(op).incrementAndGet();
    return Optional.ofNullable(faults.get(op).poll());
  }

  /** S3 user-metadata keys travel as HTTP headers and come back lower case; so do they here. */
  private static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
    Map<String, String> out = new HashMap<>();
    metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(out);
  }

  private static Sha256 sha256(byte[] bytes) {
    try {
      return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
