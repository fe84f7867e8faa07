"""Code large inputs on a Dask cluster, partition by partition, resumably (``gesta batch``)."""

from gesta.batch.partitions import Partition, plan_partitions
from gesta.batch.run import BatchSummary, run_batch

__all__ = ["BatchSummary", "Partition", "plan_partitions", "run_batch"]
