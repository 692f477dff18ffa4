using System;
using System.Text;
using FinCompliance;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FundSales.Customers;

/// <summary>
/// Encrypts a column on its way to the database. (A stand-in: a real converter calls the institution's key service.)
/// </summary>
[Encrypted]
public sealed class AesStringConverter : ValueConverter<string, string>
{
    public AesStringConverter()
        : base(plain => Convert.ToBase64String(Encoding.UTF8.GetBytes(plain)), cipher => Encoding.UTF8.GetString(Convert.FromBase64String(cipher)))
    {
    }
}
