using System;

namespace FinCompliance;

/// <summary>Sends data to a third party (partner, analytics, marketing). Personal data must reach it masked (FIN3005).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class DataEgressAttribute : Attribute
{
}
