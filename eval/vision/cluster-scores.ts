/**
 * How well face clusters follow people. Purity: the share of faces that belong to their cluster's most common
 * person (1.0 = no cluster mixes people). Clusters per identity: on average, how many clusters one person's faces
 * are spread over (1.0 = each person is one cluster).
 */
export interface ClusteredFace {
  cluster: string;
  identity: string;
}

export interface ClusterScores {
  faces: number;
  clusters: number;
  identities: number;
  purity: number | undefined;
  clustersPerIdentity: number | undefined;
  /** Each person's clusters with their sizes, most faces first: what the bench prints for the worst people. */
  spread: { identity: string; faces: number; clusterSizes: number[] }[];
}

export function scoreClusters(faces: readonly ClusteredFace[]): ClusterScores {
  const byCluster = new Map<string, Map<string, number>>();
  const byIdentity = new Map<string, Map<string, number>>();
  const bump = (outer: Map<string, Map<string, number>>, key: string, inner: string) => {
    const counts = outer.get(key) ?? new Map<string, number>();
    counts.set(inner, (counts.get(inner) ?? 0) + 1);
    outer.set(key, counts);
  };
  for (const face of faces) {
    bump(byCluster, face.cluster, face.identity);
    bump(byIdentity, face.identity, face.cluster);
  }
  let majority = 0;
  for (const counts of byCluster.values()) majority += Math.max(...counts.values());
  let spreadTotal = 0;
  const spread = [...byIdentity].map(([identity, clusters]) => {
    spreadTotal += clusters.size;
    const clusterSizes = [...clusters.values()].sort((a, b) => b - a);
    return { identity, faces: clusterSizes.reduce((a, b) => a + b, 0), clusterSizes };
  });
  spread.sort(
    (a, b) => b.clusterSizes.length - a.clusterSizes.length || a.identity.localeCompare(b.identity),
  );
  return {
    faces: faces.length,
    clusters: byCluster.size,
    identities: byIdentity.size,
    purity: faces.length === 0 ? undefined : majority / faces.length,
    clustersPerIdentity: byIdentity.size === 0 ? undefined : spreadTotal / byIdentity.size,
    spread,
  };
}
