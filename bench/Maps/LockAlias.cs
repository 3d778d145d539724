// The locked baselines guard with System.Threading.Lock, which .NET 8 lacks; there they lock a plain object, which is
// what Lock replaced (Monitor), so the .NET 8 run measures them as .NET 8 users would write them.
#if !NET9_0_OR_GREATER
global using Lock = System.Object;
#endif
