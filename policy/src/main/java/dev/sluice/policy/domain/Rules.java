package dev.sluice.policy.domain;

import dev.sluice.contract.domain.ObjectRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The admission rules as one immutable value, so every check in {@link PolicyEngine} reads a
 * consistent set and a reload can swap all of them at once. The compact constructors are the
 * only validation: a {@code Rules} that exists is usable, whatever file or code built it.
 *
 * <p>Invariants: every prefix names a whole path segment (ends with '/' or is a whole bucket),
 * so {@code s3://b/uploads/} never matches {@code s3://b/uploads-evil/x}; the variant grants
 * always hold the {@value #ANY_TENANT} entry, so a job without a tenant has a defined answer.
 */
public record Rules(
    int version,
    AllowList allow,
    DenyList deny,
    Map<String, Set<String>> variants,
    long maxSourceBytes,
    MediaLimits media) {

  /** The only file format version this build reads. */
  public static final int CURRENT_VERSION = 1;

  /** The variant-grant key that applies to every job, with or without a tenant. */
  public static final String ANY_TENANT = "*";

  public Rules {
    if (version != CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "version must be " + CURRENT_VERSION + ", the only format this build reads, was "
              + version);
    }
    Objects.requireNonNull(allow, "allow must be present");
    Objects.requireNonNull(deny, "deny must be present");
    Objects.requireNonNull(media, "media must be present");
    variants = copyGrants(variants);
    if (maxSourceBytes <= 0) {
      throw new IllegalArgumentException(
          "maxSourceBytes must be a positive number of bytes, was " + maxSourceBytes);
    }
  }

  /**
   * Whether {@code tenant} (or a job without one, when null) may ask for {@code variant}: the
   * tenant's own grants and the {@value #ANY_TENANT} grants both count.
   */
  public boolean allowsVariant(String tenant, String variant) {
    if (variants.get(ANY_TENANT).contains(variant)) {
      return true;
    }
    return tenant != null && variants.getOrDefault(tenant, Set.of()).contains(variant);
  }

  /** Where jobs may read from and write to; anything not listed is refused. */
  public record AllowList(List<ObjectRef> sources, List<ObjectRef> targets) {
    public AllowList {
      sources = prefixes("allow.sources", sources);
      targets = prefixes("allow.targets", targets);
    }
  }

  /** What is refused even when the allow list would admit it. */
  public record DenyList(
      Set<String> assetIds, Set<String> tenants, List<ObjectRef> sourcePrefixes) {
    public DenyList {
      assetIds = names("deny.assetIds", assetIds);
      tenants = names("deny.tenants", tenants);
      sourcePrefixes = prefixes("deny.sourcePrefixes", sourcePrefixes);
    }
  }

  /** Normalises an {@code s3://bucket/prefix} entry so it can only match whole path segments. */
  public static ObjectRef asPrefix(ObjectRef ref) {
    if (ref.isPrefix()) {
      return ref;
    }
    return new ObjectRef(ref.bucket(), ref.key() + "/");
  }

  private static List<ObjectRef> prefixes(String key, List<ObjectRef> refs) {
    requireElements(key, refs);
    return refs.stream().map(Rules::asPrefix).distinct().toList();
  }

  static Set<String> names(String key, Collection<String> values) {
    requireElements(key, values);
    for (String value : values) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(key + " must not contain a blank name");
      }
    }
    return Set.copyOf(values);
  }

  private static void requireElements(String key, Collection<?> values) {
    if (values == null) {
      throw new IllegalArgumentException(key + " must be a list (it may be empty)");
    }
    if (values.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(key + " must not contain an empty entry");
    }
  }

  private static Map<String, Set<String>> copyGrants(Map<String, Set<String>> grants) {
    if (grants == null || !grants.containsKey(ANY_TENANT)) {
      throw new IllegalArgumentException("variants must have a '" + ANY_TENANT
          + "' entry for jobs without a tenant (it may be an empty list)");
    }
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    grants.forEach((tenant, names) -> {
      if (tenant == null || tenant.isBlank()) {
        throw new IllegalArgumentException("variants must not have a blank tenant name");
      }
      copy.put(tenant, names("variants." + tenant, names));
    });
    return Map.copyOf(copy);
  }
}
