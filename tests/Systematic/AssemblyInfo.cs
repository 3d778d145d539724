// Coyote's engine controls one test at a time per process, and Iteration keeps the iteration in progress in a static.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
