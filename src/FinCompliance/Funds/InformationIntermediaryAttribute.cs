using System;

namespace FinCompliance;

/// <summary>
/// A lending or crowdfunding platform that may act only as an information intermediary (信息中介):
/// it must not pool client funds (FIN2003) nor provide credit enhancement (FIN2004).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true, AllowMultiple = false)]
public sealed class InformationIntermediaryAttribute : Attribute
{
}
