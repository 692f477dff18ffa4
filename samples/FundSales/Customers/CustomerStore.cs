using Microsoft.EntityFrameworkCore;

namespace FundSales.Customers;

/// <summary>The customer database.</summary>
public class CustomerStore : DbContext
{
    public CustomerStore(DbContextOptions<CustomerStore> options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.Property(c => c.Mobile).HasMaxLength(64).HasConversion<AesStringConverter>();
        });
    }
}
